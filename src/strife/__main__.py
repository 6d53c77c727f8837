from strife.cli import main

main()
