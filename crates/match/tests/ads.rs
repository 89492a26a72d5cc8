//! Job ads in five languages, read into requirements: fixture in (`tests/ads/*.txt`, invented
//! ads), snapshot out (`tests/ads/*.json`). `UPDATE_EXPECT=1 cargo test -p cvdeck-match --test
//! ads` rewrites the snapshots; review the diff.

use std::fs;
use std::path::Path;

#[test]
fn ads_read_into_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ads");
    let mut ads: Vec<_> = fs::read_dir(&dir)
        .expect("tests/ads")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    ads.sort();
    assert!(ads.len() >= 6, "{ads:?}");
    let mut differ = Vec::new();
    for ad in &ads {
        let text = fs::read_to_string(ad).expect("ad");
        let reqs = cvdeck_match::read_ad(&text);
        let got = serde_json::to_string_pretty(&reqs).expect("json") + "\n";
        let snapshot = ad.with_extension("json");
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            fs::write(&snapshot, &got).expect("write snapshot");
            continue;
        }
        let want = fs::read_to_string(&snapshot).unwrap_or_default();
        if want != got {
            differ.push(format!("{}:\n{got}", snapshot.display()));
        }
    }
    assert!(
        differ.is_empty(),
        "snapshots differ (UPDATE_EXPECT=1 to rewrite):\n{}",
        differ.join("\n")
    );
}
