//! The compiler's view of the host: nothing but what it needs.
//!
//! A C program can read any file the compiler can (`#include "/etc/passwd"`,
//! `#embed`, `.incbin` in inline assembly) and put it in the program, which
//! prints it. So zig runs in its own user, mount and PID namespaces, chrooted
//! into an empty tmpfs holding, at their own paths, only zig's installation,
//! zig's cache, the compile's work folder, `/dev/null` and a `/proc` of its
//! own PID namespace. Linux only; where user namespaces are not allowed the
//! compile is refused (see [`Jail::available`]).

use std::ffi::CString;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the compiler may see, and where the jail is built.
pub(crate) struct Jail {
    /// An empty folder the jail's root is mounted on (inside the work folder).
    pub(crate) root: PathBuf,
    /// Folders bound at their own paths: (path, writable).
    pub(crate) folders: Vec<(PathBuf, bool)>,
    /// Where the compiler starts.
    pub(crate) work: PathBuf,
}

/// Everything `pre_exec` needs, computed before the fork (no allocation
/// after it).
struct Plan {
    uid_map: Vec<u8>,
    gid_map: Vec<u8>,
    root: CString,
    /// Folders to create inside the root, parents first.
    make: Vec<CString>,
    /// (source, target inside the root) bind mounts.
    binds: Vec<(CString, CString)>,
    dev_null: CString,
    proc_dir: CString,
    work: CString,
}

fn c(path: &Path) -> io::Result<CString> {
    CString::new(path.as_os_str().as_bytes()).map_err(|_| io::Error::other("a path with NUL"))
}

impl Jail {
    fn plan(&self) -> io::Result<Plan> {
        // SAFETY: plain getters.
        let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
        let inside = |path: &Path| self.root.join(path.strip_prefix("/").unwrap_or(path));
        let mut make = Vec::new();
        let mut binds = Vec::new();
        let mut wanted: Vec<PathBuf> = vec![PathBuf::from("/dev"), PathBuf::from("/proc")];
        for (folder, _) in &self.folders {
            wanted.push(folder.clone());
            binds.push((c(folder)?, c(&inside(folder))?));
        }
        let mut seen: Vec<PathBuf> = Vec::new();
        for path in wanted {
            let mut prefix = PathBuf::from("/");
            for part in path.components().skip(1) {
                prefix.push(part);
                if !seen.contains(&prefix) {
                    seen.push(prefix.clone());
                    make.push(c(&inside(&prefix))?);
                }
            }
        }
        Ok(Plan {
            uid_map: format!("0 {uid} 1").into_bytes(),
            gid_map: format!("0 {gid} 1").into_bytes(),
            root: c(&self.root)?,
            make,
            binds,
            dev_null: c(&inside(Path::new("/dev/null")))?,
            proc_dir: c(&inside(Path::new("/proc")))?,
            work: c(&self.work)?,
        })
    }

    /// Makes `command` run in the jail.
    pub(crate) fn confine(&self, command: &mut Command) -> io::Result<()> {
        let plan = self.plan()?;
        // SAFETY: the closure makes only system calls on memory prepared
        // before the fork, and `_exit`s where it must not return.
        unsafe {
            command.pre_exec(move || enter(&plan));
        }
        Ok(())
    }

    /// Whether this machine lets an unprivileged process make the
    /// namespaces (checked once, by trying in a child).
    pub(crate) fn available() -> bool {
        static AVAILABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *AVAILABLE.get_or_init(|| {
            let mut probe = Command::new("/bin/true");
            // SAFETY: one system call in the child.
            unsafe {
                probe.pre_exec(|| {
                    if libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNS | libc::CLONE_NEWPID)
                        != 0
                    {
                        return Err(io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
            probe.status().is_ok_and(|s| s.success())
        })
    }
}

fn check(result: libc::c_int) -> io::Result<()> {
    if result < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Writes `text` to the file `path` (a /proc control file).
fn write_file(path: &[u8], text: &[u8]) -> io::Result<()> {
    // SAFETY: `path` is NUL-terminated by the caller.
    let fd = unsafe { libc::open(path.as_ptr().cast(), libc::O_WRONLY) };
    check(fd)?;
    // SAFETY: a valid descriptor and buffer.
    let written = unsafe { libc::write(fd, text.as_ptr().cast(), text.len()) };
    // SAFETY: the descriptor just opened.
    unsafe { libc::close(fd) };
    if written < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Runs in the forked child, before exec.
fn enter(plan: &Plan) -> io::Result<()> {
    // SAFETY (whole function): system calls on prepared, NUL-terminated data.
    unsafe {
        check(libc::unshare(
            libc::CLONE_NEWUSER | libc::CLONE_NEWNS | libc::CLONE_NEWPID,
        ))?;
        write_file(b"/proc/self/setgroups\0", b"deny")?;
        write_file(b"/proc/self/uid_map\0", &plan.uid_map)?;
        write_file(b"/proc/self/gid_map\0", &plan.gid_map)?;
        // the new PID namespace takes effect for children: the compiler runs
        // in one (its PID 1), and this process waits for it and exits as it did
        let child = libc::fork();
        check(child)?;
        if child > 0 {
            // let the parent's spawn see the exec: close every descriptor but stdio
            libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32);
            let mut status = 0;
            while libc::waitpid(child, &mut status, 0) < 0 {
                if *libc::__errno_location() != libc::EINTR {
                    libc::_exit(127);
                }
            }
            if libc::WIFEXITED(status) {
                libc::_exit(libc::WEXITSTATUS(status));
            }
            libc::_exit(128 + libc::WTERMSIG(status));
        }
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
        let none: *const libc::c_char = std::ptr::null();
        check(libc::mount(
            none,
            c"/".as_ptr(),
            none,
            libc::MS_REC | libc::MS_PRIVATE,
            std::ptr::null(),
        ))?;
        check(libc::mount(
            c"tmpfs".as_ptr(),
            plan.root.as_ptr(),
            c"tmpfs".as_ptr(),
            libc::MS_NOSUID | libc::MS_NODEV,
            c"size=1m,mode=755".as_ptr().cast(),
        ))?;
        for folder in &plan.make {
            let made = libc::mkdir(folder.as_ptr(), 0o755);
            if made < 0 && *libc::__errno_location() != libc::EEXIST {
                return Err(io::Error::last_os_error());
            }
        }
        for (source, target) in &plan.binds {
            check(libc::mount(
                source.as_ptr(),
                target.as_ptr(),
                none,
                libc::MS_BIND,
                std::ptr::null(),
            ))?;
        }
        let null = libc::open(
            plan.dev_null.as_ptr(),
            libc::O_CREAT | libc::O_WRONLY,
            0o666,
        );
        check(null)?;
        libc::close(null);
        check(libc::mount(
            c"/dev/null".as_ptr(),
            plan.dev_null.as_ptr(),
            none,
            libc::MS_BIND,
            std::ptr::null(),
        ))?;
        check(libc::mount(
            c"proc".as_ptr(),
            plan.proc_dir.as_ptr(),
            c"proc".as_ptr(),
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
            std::ptr::null(),
        ))?;
        check(libc::chroot(plan.root.as_ptr()))?;
        check(libc::chdir(plan.work.as_ptr()))?;
    }
    Ok(())
}
