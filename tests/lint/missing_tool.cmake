# A linter test whose tool was not found at configure time: fail, saying what to do.
message(FATAL_ERROR "${MESSAGE}")
