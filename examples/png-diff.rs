//! Compares two images of the same size pixel by pixel: the share of pixels that differ by
//! more than 10 % (26 of 255) in any channel. Exits 1 when that share is over the limit
//! (default 1 %), 2 on bad input. Used by CI to compare map.svg rasterised by `rsvg-convert`
//! with map.png, and to compare a map before and after a change.
//!
//! `cargo run --release --example png-diff -- A.png B.png [--max PERCENT] [--diff OUT.png]
//! [--crop X,Y,W,H]`
//!
//! Transparent pixels are composited over white. `--diff` writes an image of the pixels that
//! differ (red) over a faded copy of A; with `--crop`, only that part, beside the same part of
//! A and of B (to look at).

use image::{Rgb, RgbImage};
use std::process::ExitCode;

/// A channel differs when it is off by more than this (10 % of 255).
const CHANNEL: i32 = 26;

fn load(path: &str) -> Result<RgbImage, String> {
    let img = image::open(path).map_err(|e| format!("{path}: {e}"))?;
    let rgba = img.to_rgba8();
    let (w, h) = rgba.dimensions();
    Ok(RgbImage::from_fn(w, h, |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let a = u32::from(p[3]);
        let over = |c: u8| ((u32::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
        Rgb([over(p[0]), over(p[1]), over(p[2])])
    }))
}

fn run() -> Result<bool, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut files = Vec::new();
    let (mut max, mut diff_out, mut crop) = (1.0f64, None, None);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--max" => {
                i += 1;
                max = args
                    .get(i)
                    .and_then(|v| v.parse().ok())
                    .ok_or("--max takes a percentage")?;
            }
            "--diff" => {
                i += 1;
                diff_out = Some(args.get(i).ok_or("--diff takes a file")?.clone());
            }
            "--crop" => {
                i += 1;
                let v: Vec<u32> = args
                    .get(i)
                    .map(|v| v.split(',').filter_map(|n| n.parse().ok()).collect())
                    .unwrap_or_default();
                let [x, y, w, h] = v[..] else {
                    return Err("--crop takes X,Y,W,H".into());
                };
                crop = Some((x, y, w, h));
            }
            f => files.push(f.to_string()),
        }
        i += 1;
    }
    let [a, b] = files.as_slice() else {
        return Err("usage: png-diff A.png B.png [--max PERCENT] [--diff OUT.png]".into());
    };
    let (ia, ib) = (load(a)?, load(b)?);
    if ia.dimensions() != ib.dimensions() {
        return Err(format!(
            "{a} is {:?} and {b} is {:?}: sizes differ",
            ia.dimensions(),
            ib.dimensions()
        ));
    }
    let mut out = RgbImage::new(ia.width(), ia.height());
    let mut differ = 0u64;
    for ((x, y, pa), pb) in ia.enumerate_pixels().zip(ib.pixels()) {
        let off = (0..3).any(|c| (i32::from(pa.0[c]) - i32::from(pb.0[c])).abs() > CHANNEL);
        differ += u64::from(off);
        let faded = |c: u8| 255 - (255 - c) / 4;
        let shown = if off {
            Rgb([220, 0, 0])
        } else {
            Rgb([faded(pa.0[0]), faded(pa.0[1]), faded(pa.0[2])])
        };
        out.put_pixel(x, y, shown);
    }
    let total = u64::from(ia.width()) * u64::from(ia.height());
    let share = 100.0 * differ as f64 / total as f64;
    println!(
        "png-diff: {differ} of {total} pixels ({share:.3} %) differ by more than 10 % in a channel \
         (limit {max} %): {a} vs {b}"
    );
    if let Some(path) = diff_out {
        let out = match crop {
            Some(c) => side_by_side(&[&ia, &ib, &out], c),
            None => out,
        };
        out.save(&path).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(share <= max)
}

/// The same part `(x, y, w, h)` of each image, side by side.
fn side_by_side(images: &[&RgbImage], (x, y, w, h): (u32, u32, u32, u32)) -> RgbImage {
    let (iw, ih) = images[0].dimensions();
    let (w, h) = (w.min(iw.saturating_sub(x)), h.min(ih.saturating_sub(y)));
    let mut out = RgbImage::new(w * images.len() as u32, h);
    for (k, img) in images.iter().enumerate() {
        for dy in 0..h {
            for dx in 0..w {
                out.put_pixel(k as u32 * w + dx, dy, *img.get_pixel(x + dx, y + dy));
            }
        }
    }
    out
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("png-diff: {e}");
            ExitCode::from(2)
        }
    }
}
