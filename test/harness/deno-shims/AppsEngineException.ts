// The runtime imports this class from the engine's TypeScript sources (`../src/`), which the published npm
// package does not ship. It mirrors definition/exceptions/AppsEngineException.js: same name, same JSON-RPC
// error code, so the server recognises the errors the runtime reports with it.

export class AppsEngineException extends Error {
    public static JSONRPC_ERROR_CODE = -32070;

    public name = 'AppsEngineException';

    constructor(message?: string) {
        super(message);
        this.message = message ?? '';
    }

    public getErrorInfo(): { name: string; message: string } {
        return { name: this.name, message: this.message };
    }
}
