//! The window's parts.

mod about;
mod app;
mod bulk;
mod card;
mod detail;
mod editable;
mod filters;
mod grid;
mod jobs;
mod pages;
mod shortcuts;
mod toasts;
mod toolbar;

pub use app::App;
pub use card::{CardProps, CardView};
pub use grid::{window_for, Window};
