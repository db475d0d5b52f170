# unittest.mock: Mock, MagicMock, patch of a function in this program, call assertions
import unittest.mock as mock

def fetch(url):
    raise RuntimeError("no network")

def report():
    return fetch("https://example.com").upper()

with mock.patch("__main__.fetch", return_value="ok") as m:
    print(report(), m.call_args, m.call_count)
m = mock.Mock()
m.method(1, key="v")
m.method.assert_called_once_with(1, key="v")
print(m.method.call_args_list, m.mock_calls)
mm = mock.MagicMock()
mm.__len__.return_value = 3
mm.__getitem__.side_effect = lambda k: k * 2
print(len(mm), mm[21])
side = mock.Mock(side_effect=[1, 2, ValueError("third")])
print(side(), side())
try:
    side()
except ValueError as exc:
    print("ValueError:", exc)
with mock.patch.dict("os.environ", {"X": "1"}):
    import os
    print(os.environ["X"])
print("X" in __import__("os").environ)
s = mock.sentinel.token
print(s is mock.sentinel.token, mock.ANY == 5)
