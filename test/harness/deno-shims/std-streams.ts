// Stand-in for jsr:@std/streams, which this machine cannot reach. The runtime only needs toArrayBuffer, used to
// read an uploaded temp file in full before handing it to the app's upload listeners.

// Typed as an async iterable (which a ReadableStream is) so the file also type-checks under the project's Node types.
export async function toArrayBuffer(readable: AsyncIterable<Uint8Array>): Promise<ArrayBuffer> {
    const chunks: Uint8Array[] = [];
    let size = 0;

    for await (const chunk of readable) {
        chunks.push(chunk);
        size += chunk.length;
    }

    const joined = new Uint8Array(size);
    let offset = 0;

    for (const chunk of chunks) {
        joined.set(chunk, offset);
        offset += chunk.length;
    }

    return joined.buffer;
}
