print("hello from candor")
