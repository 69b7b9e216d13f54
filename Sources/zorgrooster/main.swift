print("zorgrooster")
