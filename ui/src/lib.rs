//! CV Deck's window: a Yew card grid that talks to the Tauri shell through [`ipc`] only.
#![deny(missing_docs)]

pub mod actions;
pub mod browser;
pub mod components;
pub mod context;
pub mod drops;
pub mod highlight;
pub mod hooks;
pub mod ipc;
pub mod languages;
pub mod state;
