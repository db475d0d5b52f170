"""Resolve product ids to display names, caching each catalogue lookup."""


class Catalogue:
    def __init__(self, backend):
        self.backend = backend
        self.cache = {}
        self.backend_calls = 0

    def name(self, product_id):
        try:
            return self.cache[product_id]
        except KeyError:
            self.backend_calls += 1
            name = self.backend[product_id].title()
            self.cache[product_id] = name
            return name


catalogue = Catalogue({"p1": "fountain pen", "p2": "ink bottle"})
order = ["p1", "p2", "p1", "p1"]
print([catalogue.name(p) for p in order], "backend calls:", catalogue.backend_calls)
