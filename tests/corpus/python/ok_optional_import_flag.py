"""Print a status table, in colour when the 'rich' package is available."""
try:
    from rich.console import Console

    HAS_RICH = True
except ImportError:
    HAS_RICH = False

ROWS = [("api", "up"), ("search", "degraded"), ("billing", "up")]

if HAS_RICH:
    console = Console()
    for name, state in ROWS:
        console.print(f"[bold]{name}[/bold]: {state}")
else:
    for name, state in ROWS:
        print(f"{name:<8} {state}")
