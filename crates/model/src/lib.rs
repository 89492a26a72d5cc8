//! CV Deck's shared vocabulary, with no dependency but serde: the JSON Resume document the
//! parser writes and the library stores, the countries both sides name, and the marks that
//! extraction leaves in the text for the parser.
#![deny(missing_docs)]

pub mod countries;
pub mod resume;
pub mod text;
