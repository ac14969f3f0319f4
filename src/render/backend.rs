//! A pixel backend wrapper that draws text halos and puts text on the same baseline as SVG.
//!
//! In: a plotters pixel backend (the PNG's bitmap). Out: the same backend, where text drawn in
//! the [`HALO`](super::style::HALO) colour becomes a white outline of the text (the glyphs'
//! coverage grown by a disc) and every text sits where an SVG viewer puts it (plotters'
//! ab_glyph text is drawn 0.14 em higher than SVG's `dy="0.76em"`).
//!
//! Every other call goes straight to the wrapped backend.

use plotters_backend::{
    text_anchor::{HPos, VPos},
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// Wraps a pixel backend; see the module docs.
pub struct Halo<DB> {
    inner: DB,
    /// Halo width in pixels.
    radius: f64,
    /// Halo colour.
    rgb: (u8, u8, u8),
}

impl<DB: DrawingBackend> Halo<DB> {
    /// Wraps `inner`; halos are `radius` pixels wide, in `rgb`.
    pub fn new(inner: DB, radius: f64, rgb: (u8, u8, u8)) -> Halo<DB> {
        Halo { inner, radius, rgb }
    }
}

/// How far down plotters' ab_glyph text must move to sit like SVG text (a share of the em).
const BASELINE_SHIFT: f64 = 0.14;

impl<DB: DrawingBackend> DrawingBackend for Halo<DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let em = style.size() / 1.24;
        let pos = (pos.0, pos.1 + (BASELINE_SHIFT * em).round() as i32);
        let plotters::style::RGBColor(r, g, b) = super::style::HALO;
        if style.color().rgb != (r, g, b) {
            return self.inner.draw_text(text, style, pos);
        }
        self.draw_halo(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}

impl<DB: DrawingBackend> Halo<DB> {
    /// Draws the glyphs' coverage grown by `radius` pixels, in white.
    fn draw_halo<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let ((min_x, min_y), (max_x, max_y)) = style
            .layout_box(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
        let (width, height) = (max_x - min_x, max_y - min_y);
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        // The glyphs' coverage, in pixels relative to `pos`.
        let mut coverage: Vec<(i32, i32, f64)> = Vec::new();
        style
            .draw(text, (0, 0), |x, y, color| {
                coverage.push((x + dx - min_x, y + dy - min_y, color.alpha));
                Ok::<(), ()>(())
            })
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?
            .ok();
        if coverage.is_empty() {
            return Ok(());
        }
        let pad = self.radius.ceil() as i32 + 1;
        let x0 = coverage.iter().map(|c| c.0).min().unwrap_or(0) - pad;
        let y0 = coverage.iter().map(|c| c.1).min().unwrap_or(0) - pad;
        let x1 = coverage.iter().map(|c| c.0).max().unwrap_or(0) + pad;
        let y1 = coverage.iter().map(|c| c.1).max().unwrap_or(0) + pad;
        let (w, h) = ((x1 - x0 + 1) as usize, (y1 - y0 + 1) as usize);
        let mut mask = vec![0f64; w * h];
        for &(x, y, a) in &coverage {
            let i = (y - y0) as usize * w + (x - x0) as usize;
            mask[i] = mask[i].max(a);
        }
        // Grow by a disc: for each row offset, the running maximum over the disc's chord.
        let radius = self.radius.max(0.5);
        let reach = radius.floor() as i32;
        let mut widest = vec![mask.clone()];
        for _ in 1..=reach {
            let last = widest.last().expect("one at least");
            let mut next = last.clone();
            for y in 0..h {
                for x in 0..w {
                    let i = y * w + x;
                    let left = if x > 0 { last[i - 1] } else { 0.0 };
                    let right = if x + 1 < w { last[i + 1] } else { 0.0 };
                    next[i] = next[i].max(left).max(right);
                }
            }
            widest.push(next);
        }
        let mut halo = vec![0f64; w * h];
        for dy in -reach..=reach {
            let chord = (radius * radius - f64::from(dy * dy))
                .max(0.0)
                .sqrt()
                .round() as usize;
            let rows = &widest[chord.min(reach as usize)];
            for y in 0..h as i32 {
                let from = y + dy;
                if from < 0 || from >= h as i32 {
                    continue;
                }
                let (dst, src) = (y as usize * w, from as usize * w);
                for x in 0..w {
                    halo[dst + x] = halo[dst + x].max(rows[src + x]);
                }
            }
        }
        let (cw, ch) = self.get_size();
        for y in 0..h {
            for x in 0..w {
                let a = halo[y * w + x];
                if a <= 0.0 {
                    continue;
                }
                let (px, py) = (pos.0 + x0 + x as i32, pos.1 + y0 + y as i32);
                if px < 0 || py < 0 || px >= cw as i32 || py >= ch as i32 {
                    continue;
                }
                self.inner.draw_pixel(
                    (px, py),
                    BackendColor {
                        alpha: a.min(1.0),
                        rgb: self.rgb,
                    },
                )?;
            }
        }
        Ok(())
    }
}
