"""Load the retry policy from a JSON string, with defaults when it is unusable."""
import json

RAW_POLICY = '{"retries": 5, "timeout": 2.5,}'


def load_policy(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        print("using defaults")
        return {"retries": 3, "timeout": 30}


policy = load_policy(RAW_POLICY)
print(f"retrying {policy['retries']} times, timeout {policy['timeout']} s")
