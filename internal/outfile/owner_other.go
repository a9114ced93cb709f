//go:build !unix

package outfile

import (
	"io/fs"
	"os"
)

func mayFollow(string, fs.FileInfo) error { return nil }

func keepOwner(*os.File, fs.FileInfo) error { return nil }
