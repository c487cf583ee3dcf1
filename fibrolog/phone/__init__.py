"""The app on a phone: manifest, service worker, the offline check-in shell and its sync."""
