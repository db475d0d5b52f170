//! The zig toolchain that compiles C, C++ and Zig to WebAssembly: where it
//! is, which version it is, and its libraries for `wasm32-wasi`, built once
//! per machine into candor's cache directory.

use super::compile::{Bounds, Compiler, ZIG_CACHE, open_lock};
use crate::Language;
use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable that names the zig executable to use.
pub(crate) const ZIG_ENV: &str = "CANDOR_ZIG";
/// The ziglang version candor's build installs (pinned in
/// `runtimes/javascript/build.py`); another version works if it compiles.
pub(crate) const ZIGLANG: &str = "0.17.1";
/// What building the libraries may take: the first C or C++ compile on a
/// machine builds wasi-libc or libc++ (~40 s each on 2 cores).
const WARM_UP_TIMEOUT: Duration = Duration::from_secs(900);

/// A zig executable and its version.
#[derive(Clone, Debug)]
pub(crate) struct Zig {
    pub(crate) path: PathBuf,
    pub(crate) version: String,
    /// Its library folder (`zig env`), by which zig keys what it builds
    /// from it: the same through a wrapper script or a symbolic link.
    pub(crate) lib_dir: String,
}

/// The string value of `.field = "..."` in `zig env`'s output.
fn env_field(env: &str, field: &str) -> Option<String> {
    let prefix = format!(".{field} = \"");
    env.lines()
        .find_map(|line| line.trim().strip_prefix(&prefix)?.strip_suffix("\","))
        .map(str::to_string)
}

/// Finds zig: `CANDOR_ZIG`, else the one candor's build installed. The error
/// says how to get one.
pub(crate) fn find() -> Result<Zig> {
    let path = match std::env::var_os(ZIG_ENV) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => match option_env!("CANDOR_BUILD_ZIG").map(PathBuf::from) {
            Some(built) if built.is_file() => built,
            _ => return Err(Error::Io(missing())),
        },
    };
    let output = std::process::Command::new(&path)
        .arg("env")
        .output()
        .map_err(|e| {
            Error::Io(format!(
                "running {} env: {e}; {}",
                path.display(),
                missing()
            ))
        })?;
    let env = String::from_utf8_lossy(&output.stdout);
    match (env_field(&env, "version"), env_field(&env, "lib_dir")) {
        (Some(version), Some(lib_dir)) if output.status.success() => Ok(Zig {
            path,
            version,
            lib_dir,
        }),
        _ => Err(Error::Io(format!(
            "{} env failed or did not say its version and library folder ({}); {}",
            path.display(),
            output.status,
            missing()
        ))),
    }
}

fn missing() -> String {
    format!(
        "C, C++ and Zig snippets need the zig toolchain: set {ZIG_ENV} to a zig {ZIGLANG} \
         executable (`python3 -m pip install ziglang=={ZIGLANG}` installs one, as \
         site-packages/ziglang/zig)"
    )
}

/// Builds zig's libraries for the languages that need one (C's wasi-libc,
/// C++'s libc++) if this zig installation has not yet, under a lock shared by every
/// candor process, by compiling a small program with the flags user programs
/// get. `notice` is called first when there is work to do.
pub(crate) fn warm_up(compiler: &Compiler, notice: &dyn Fn(&Path)) -> Result<()> {
    let dir = compiler.dir();
    // zig keys its cached libraries by the paths of their sources: another
    // installation of the same version builds them again
    let digest = Sha256::digest(compiler.zig().lib_dir.as_bytes());
    let installation: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    let ready = |language: Language| {
        dir.join(format!(
            "ready-{}-{installation}-{}",
            compiler.zig().version,
            language.name()
        ))
    };
    let pending: Vec<Language> = [Language::C, Language::Cpp]
        .into_iter()
        .filter(|&l| !ready(l).exists())
        .collect();
    if pending.is_empty() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(|e| Error::Io(format!("creating {}: {e}", dir.display())))?;
    let lock_path = dir.join("warm-up.lock");
    let lock = open_lock(&lock_path)?;
    lock.lock()
        .map_err(|e| Error::Io(format!("locking {}: {e}", lock_path.display())))?;
    let mut noticed = false;
    for language in pending {
        if ready(language).exists() {
            continue;
        }
        if !noticed {
            notice(&dir.join(ZIG_CACHE));
            noticed = true;
        }
        let (file, code) = match language {
            Language::Cpp => (
                "warm.cpp",
                "#include <iostream>\n#include <vector>\n#include <string>\n\
                 int main() { std::vector<std::string> v{\"ok\"}; std::cout << v[0] << '\\n'; }\n",
            ),
            _ => (
                "warm.c",
                "#include <stdio.h>\n#include <stdlib.h>\n\
                 int main(void) { printf(\"%d\\n\", atoi(\"1\")); return 0; }\n",
            ),
        };
        let bounds = Bounds {
            timeout: WARM_UP_TIMEOUT,
        };
        match compiler.compile_blocking(language, file, code, &bounds)? {
            Ok(_) => {}
            Err(failure) => {
                return Err(Error::Io(format!(
                    "building zig's {} libraries for wasm32-wasi failed: {}",
                    language.name(),
                    failure.stderr.trim()
                )));
            }
        }
        fs::write(ready(language), b"")
            .map_err(|e| Error::Io(format!("writing {}: {e}", ready(language).display())))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn zig_env_fields_are_read() {
        let env = ".{\n    .zig_exe = \"/z/zig\",\n    .lib_dir = \"/z/lib\",\n    .version = \"0.17.1\",\n}\n";
        assert_eq!(super::env_field(env, "lib_dir").as_deref(), Some("/z/lib"));
        assert_eq!(super::env_field(env, "version").as_deref(), Some("0.17.1"));
        assert_eq!(super::env_field(env, "target"), None);
    }
}
