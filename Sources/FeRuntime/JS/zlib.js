// zlib (in progress)
