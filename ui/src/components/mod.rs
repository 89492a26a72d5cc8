//! The window's parts.

mod app;
mod card;
mod toasts;
mod toolbar;

pub use app::App;
pub use card::{CardProps, CardView};
