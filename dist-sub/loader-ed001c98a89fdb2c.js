import init, * as bindings from '/claimdesk/claimdesk-bdb4403799f77e58.js';
const wasm = await init({ module_or_path: '/claimdesk/claimdesk-bdb4403799f77e58_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
