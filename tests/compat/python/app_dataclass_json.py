# a typical script: dataclasses serialised to JSON and validated on load
import json
from dataclasses import asdict, dataclass, field
from typing import Optional

@dataclass
class Address:
    city: str
    zip: str

@dataclass
class User:
    id: int
    name: str
    email: Optional[str] = None
    roles: list[str] = field(default_factory=list)
    address: Optional[Address] = None

    @classmethod
    def from_dict(cls, d):
        if not isinstance(d.get("id"), int):
            raise ValueError(f"bad id in {d!r}")
        addr = Address(**d["address"]) if d.get("address") else None
        return cls(d["id"], d["name"], d.get("email"), list(d.get("roles", [])), addr)

users = [User(1, "Ann", "ann@x.org", ["admin"], Address("Oslo", "0150")), User(2, "Bob")]
text = json.dumps([asdict(u) for u in users], indent=1, sort_keys=True)
print(text)
loaded = [User.from_dict(d) for d in json.loads(text)]
print(loaded == users, loaded[0].address.city)
try:
    User.from_dict({"id": "3", "name": "Eve"})
except ValueError as exc:
    print("rejected:", exc)
