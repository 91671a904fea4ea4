"""Entry script of the PyInstaller bundle (build/fuwutai.spec): the same ``fuwutai`` command as from source."""

import multiprocessing

from ui.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()
