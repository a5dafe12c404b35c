// Times the C2PA reference implementation (c2pa-rs as WebAssembly, from tests/oracles/c2pa-run) reading and
// validating one file, in process after one warm-up: the figure `bench provenance` sets Likeness's validator beside.
// Usage: node c2pa-time.mjs ORACLE_DIR FILE MIME TRUST.pem COUNT   -> prints the mean milliseconds per validation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [dir, file, mime, trust, countText] = process.argv.slice(2);
const require = createRequire(join(dir, "validate.mjs"));
const { initSync, WasmReader } = require("@contentauth/c2pa-wasm");
initSync({ module: readFileSync(require.resolve("@contentauth/c2pa-wasm/c2pa.wasm")) });
const settings = JSON.stringify({ trust: { trust_anchors: readFileSync(trust, "utf8") }, verify: { remote_manifest_fetch: false, verify_trust: true } });
const bytes = new Uint8Array(readFileSync(file));
const once = async () => JSON.parse((await WasmReader.fromBytes(mime, bytes, settings)).json()).validation_state;
const state = await once();
const count = Number(countText);
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) await once();
const ms = Number(process.hrtime.bigint() - start) / 1e6 / count;
console.log(JSON.stringify({ state, ms }));
