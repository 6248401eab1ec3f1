#[cfg(target_arch = "wasm32")]
fn main() {
    claimdesk::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Claimdesk runs in the browser: build it with `make serve`.");
}
