"""Reading offline: the files each language needs on the device, the service worker, the web app."""
