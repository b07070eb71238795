from exportcheck.cli import main

main()
