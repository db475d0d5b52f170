//! Source lines of a compiled program: the DWARF line table of the user's
//! file, read once when the program is prepared, and the module without its
//! debug sections, which is what wasmtime compiles.
//!
//! In a wasm module, DWARF addresses count from the start of the code
//! section's contents; wasmtime gives a frame's position as an offset in the
//! whole module. Dropping the debug sections, which follow the code, leaves
//! every offset where it was.

use gimli::{EndianSlice, LittleEndian};
use std::collections::HashMap;

/// A line of the user's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SourcePosition {
    pub(crate) line: u32,
    /// 1-based; 0 when the compiler did not say.
    pub(crate) column: u32,
}

/// One row of a line table: from `address` on, the code is `position` of the
/// user's file (None: of another file, or past the end of a sequence).
#[derive(Clone, Copy, Debug)]
struct Row {
    address: u64,
    /// The end of a sequence (sorted before a row that starts at its address).
    end: bool,
    position: Option<SourcePosition>,
}

/// Where the code of a module comes from in the user's file.
#[derive(Debug, Default)]
pub(crate) struct LineTable {
    /// The offset in the module of the code section's contents.
    code_start: usize,
    /// Sorted by address.
    rows: Vec<Row>,
}

impl LineTable {
    /// The position in the user's file of the instruction at `offset` in
    /// the module, when that code is the user's.
    pub(crate) fn position(&self, offset: usize) -> Option<SourcePosition> {
        let address = offset.checked_sub(self.code_start)? as u64;
        let after = self.rows.partition_point(|row| row.address <= address);
        self.rows.get(after.checked_sub(1)?)?.position
    }

    /// The first of `offsets` (innermost frame first) that is in the user's
    /// file.
    pub(crate) fn first_in_file(&self, offsets: &[usize]) -> Option<SourcePosition> {
        offsets.iter().find_map(|&offset| self.position(offset))
    }
}

/// A module's sections, as the file holds them.
struct Section<'a> {
    id: u8,
    /// The section's name, for a custom section.
    name: Option<&'a [u8]>,
    /// The whole section: id, size and contents.
    bytes: &'a [u8],
    /// The contents' offset in the module.
    contents_at: usize,
    contents: &'a [u8],
}

fn leb_u32(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value: u64 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return u32::try_from(value).ok();
        }
    }
    None
}

/// The sections of `module`, or None when it is not a well-formed module.
fn sections(module: &[u8]) -> Option<Vec<Section<'_>>> {
    if module.len() < 8 || &module[..4] != b"\0asm" {
        return None;
    }
    let mut at = 8;
    let mut all = Vec::new();
    while at < module.len() {
        let start = at;
        let id = module[at];
        at += 1;
        let size = leb_u32(module, &mut at)? as usize;
        let contents_at = at;
        let end = at.checked_add(size).filter(|&end| end <= module.len())?;
        let contents = &module[at..end];
        let name = if id == 0 {
            let mut name_at = 0;
            let len = leb_u32(contents, &mut name_at)? as usize;
            contents.get(name_at..name_at.checked_add(len)?)
        } else {
            None
        };
        all.push(Section {
            id,
            name,
            bytes: &module[start..end],
            contents_at,
            contents,
        });
        at = end;
    }
    Some(all)
}

/// The module without the DWARF sections that follow its code (kept: every
/// other section, and the `name` section, which names functions in traps),
/// and the line table of the user's file `file` (a bare file name). A module
/// that cannot be read comes back as it was, with an empty table.
pub(crate) fn split_debug_info(module: &[u8], file: &str) -> (Vec<u8>, LineTable) {
    let Some(sections) = sections(module) else {
        return (module.to_vec(), LineTable::default());
    };
    let Some(code) = sections.iter().position(|s| s.id == 10) else {
        return (module.to_vec(), LineTable::default());
    };
    let is_debug = |s: &Section<'_>| s.name.is_some_and(|n| n.starts_with(b".debug_"));
    let mut stripped = module[..8].to_vec();
    let mut debug: HashMap<&[u8], &[u8]> = HashMap::new();
    for (i, section) in sections.iter().enumerate() {
        if i > code && is_debug(section) {
            let name = section.name.unwrap_or_default();
            // the section's contents after its name
            let mut name_at = 0;
            let _ = leb_u32(section.contents, &mut name_at);
            let data = section
                .contents
                .get(name_at + name.len()..)
                .unwrap_or_default();
            debug.insert(name, data);
        } else {
            stripped.extend_from_slice(section.bytes);
        }
    }
    let code_start = sections[code].contents_at;
    let rows = user_rows(&debug, file).unwrap_or_default();
    (stripped, LineTable { code_start, rows })
}

/// The line-table rows of every unit, with positions only for `file`'s lines.
fn user_rows(debug: &HashMap<&[u8], &[u8]>, file: &str) -> Option<Vec<Row>> {
    let load = |id: gimli::SectionId| -> Result<EndianSlice<'_, LittleEndian>, gimli::Error> {
        let data = debug.get(id.name().as_bytes()).copied().unwrap_or_default();
        Ok(EndianSlice::new(data, LittleEndian))
    };
    let dwarf = gimli::Dwarf::load(load).ok()?;
    let mut rows = Vec::new();
    let mut units = dwarf.units();
    while let Ok(Some(header)) = units.next() {
        let Ok(unit) = dwarf.unit(header) else {
            continue;
        };
        let Some(program) = unit.line_program.clone() else {
            continue;
        };
        let mut is_user: HashMap<u64, bool> = HashMap::new();
        let mut program_rows = program.rows();
        while let Ok(Some((header, row))) = program_rows.next_row() {
            let index = row.file_index();
            let user = *is_user.entry(index).or_insert_with(|| {
                header
                    .file(index)
                    .and_then(|entry| dwarf.attr_string(&unit, entry.path_name()).ok())
                    .is_some_and(|path| names_file(&path.to_string_lossy(), file))
            });
            let position = (user && !row.end_sequence())
                .then(|| {
                    let line = u32::try_from(row.line()?.get()).ok()?;
                    let column = match row.column() {
                        gimli::ColumnType::LeftEdge => 0,
                        gimli::ColumnType::Column(c) => u32::try_from(c.get()).unwrap_or(0),
                    };
                    Some(SourcePosition { line, column })
                })
                .flatten();
            rows.push(Row {
                address: row.address(),
                end: row.end_sequence(),
                position,
            });
        }
    }
    rows.sort_by_key(|row| (row.address, !row.end));
    Some(rows)
}

/// Whether a DWARF path names the user's file (compiled as a bare name).
fn names_file(path: &str, file: &str) -> bool {
    path == file || path.ends_with(&format!("/{file}"))
}
