from .cli import entry_point

if __name__ == "__main__":  # (a pool's processes started by spawning import this module again)
    entry_point()
