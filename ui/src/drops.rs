//! Where files dropped on the window go: resumes to import, unless a dialog takes the drop
//! (the new-job dialog reads its ad from a dropped file). The backend's drop event is heard
//! once for the window (see `hooks`), so the dialog says here that it wants the files.

use std::cell::RefCell;
use yew::Callback;

thread_local! {
    static TARGET: RefCell<Option<Callback<Vec<String>>>> = const { RefCell::new(None) };
}

/// Who takes dropped files instead of the import (None: the import takes them).
pub fn set_target(target: Option<Callback<Vec<String>>>) {
    TARGET.with(|t| *t.borrow_mut() = target);
}

/// Who takes dropped files now, if not the import.
pub fn target() -> Option<Callback<Vec<String>>> {
    TARGET.with(|t| t.borrow().clone())
}
