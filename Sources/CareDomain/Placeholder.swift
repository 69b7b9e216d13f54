// CareDomain
