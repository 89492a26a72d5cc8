//! CV Deck's window: a Yew card grid that talks to the Tauri shell through [`ipc`] only.
#![deny(missing_docs)]

pub mod components;
pub mod ipc;
pub mod state;
