# NameError with a suggestion ("Did you mean")
def compute():
    total_count = 5
    return total_cout + 1

compute()
