"""Reset a build directory: remove its lock file and its empty cache folder if present."""
import os
from pathlib import Path

build = Path("build")
build.mkdir(exist_ok=True)
(build / "out.txt").write_text("artifact\n")


def reset(directory):
    lock = directory / "build.lock"
    try:
        lock.unlink()
    except FileNotFoundError:
        pass
    try:
        os.rmdir(directory / "cache")
    except FileNotFoundError:
        pass
    return sorted(p.name for p in directory.iterdir())


print("after reset:", reset(build))
