// string_decoder — see RuntimeSource.swift for how runtime files are joined.
