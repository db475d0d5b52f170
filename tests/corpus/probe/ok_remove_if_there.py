import os


def remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


open("scratch.txt", "w").close()
remove("scratch.txt")
print(os.path.exists("scratch.txt"))
