// Loads the wasm app built by wasm-bindgen (kept out of index.html so the CSP needs no inline script).
import init from "./cvdeck-ui.js";
init();
