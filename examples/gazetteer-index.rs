//! Writes `gazetteer/names.fst` and `gazetteer/names.bin`, the name index opmap loads at
//! start-up, from the tables in `gazetteer/` (as embedded in this build). Run by
//! `gazetteer/generate.sh`; run it by hand after editing `aliases.tsv` or `agencies.tsv`:
//!
//!     cargo run --release --example gazetteer-index
//!
//! The test `gazetteer::tests::committed_index_is_fresh` fails while the files are stale.

use opmap::gazetteer::{Gazetteer, Sources};
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    let index = Gazetteer::build_index(Sources::embedded())?;
    for (name, bytes) in [
        ("names.fst", index.fst_bytes()),
        ("names.bin", index.group_bytes()),
    ] {
        let path = dir.join(name);
        let tmp = dir.join(format!(".{name}.tmp"));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, &path)?;
        println!("{}: {} bytes", path.display(), bytes.len());
    }
    println!("{} keys", index.len());
    Ok(())
}
