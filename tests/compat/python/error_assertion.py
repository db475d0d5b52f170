# a failing assert with a message
def check(total):
    assert total == 10, f"expected 10, got {total}"

check(10)
print("first check passed")
check(7)
