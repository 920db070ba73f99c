import GuichetApp
print("x")
