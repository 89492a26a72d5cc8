//! The window's effects as hooks: what talks to the shell over time (backend events, the
//! query's order, the refresh timer, the polling fallback, loading cards as they scroll into
//! view) and what listens to the whole document (shortcuts). `App` calls each once; the
//! components only render and dispatch.

mod backend;
mod cards;
mod keys;
mod view;

pub use backend::{use_backend_events, use_library_at_start};
pub use cards::{use_card_loader, use_polling};
pub use keys::use_global_keys;
pub use view::{use_counts, use_refresh_timer, use_view};
