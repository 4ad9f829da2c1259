"""The licence of everything the site publishes as data (files, feeds): CC0 1.0."""

LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENSE_NAME = "CC0-1.0"
LICENSE_TITLE = "CC0 1.0 Universal"
