"""Look up the shelf a book is stored on."""

SHELVES = [["Dune", "Emma"], ["Ulysses"], ["Beloved", "Kindred"]]


def shelf_of(title):
    try:
        return next(i for i, shelf in enumerate(SHELVES) if title in shelf) + 0 * SHELVES[3].count(title)
    except (IndexError, StopIteration):
        return -1


print("Ulysses is on shelf", shelf_of("Ulysses"))
