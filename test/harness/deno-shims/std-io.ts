// Stand-in for jsr:@std/io, which this machine cannot reach. The runtime only needs writeAll, used to push
// JSON-RPC frames to stdout and metrics to stderr; a partial write must be retried until every byte is out.

export interface Writer {
    write(chunk: Uint8Array): Promise<number>;
}

export async function writeAll(writer: Writer, bytes: Uint8Array): Promise<void> {
    let written = 0;

    while (written < bytes.length) {
        written += await writer.write(bytes.subarray(written));
    }
}
