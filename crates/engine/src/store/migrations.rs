//! Embedded, versioned schema migrations (tracked in `PRAGMA user_version`).

use rusqlite::Connection;

/// Each entry upgrades the schema by one version; never edit one that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: resumes and their card columns.
    "CREATE TABLE resumes (
        id              INTEGER PRIMARY KEY,
        content_hash    TEXT UNIQUE,
        original_path   TEXT NOT NULL,
        file_name       TEXT NOT NULL,
        stored_path     TEXT,
        size_bytes      INTEGER NOT NULL DEFAULT 0,
        format          TEXT,
        status          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
        error_kind      TEXT,
        error_message   TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        parsed_at       INTEGER,
        resume_json     TEXT,
        text            TEXT,
        name            TEXT,
        headline        TEXT,
        email           TEXT,
        phone           TEXT,
        location        TEXT,
        skills_json     TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX resumes_status_id ON resumes (status, id);",
];

/// Brings the schema up to date inside one transaction per version.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(())
}
