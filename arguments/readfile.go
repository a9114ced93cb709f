package arguments

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"
)

// MaxFileSize is the size of the largest file argmap reads as part of a
// map: 16 MiB, far more than any hand-written map (the largest examples are
// a few KB) and little enough that reading and parsing it stays cheap.
const MaxFileSize = 16 << 20

// readChunk is how much is read at a time, so that reading stops soon
// after the file turns out not to be text.
const readChunk = 64 << 10

// errNotRegular is the error for a path that names a device, a pipe or a
// socket: reading /dev/zero or a FIFO would never end.
var errNotRegular = errors.New("not a regular file")

// errIsDir is the error for a path that names a directory.
var errIsDir = errors.New("is a directory")

// tooLargeError is the error for a file of more than MaxFileSize bytes.
type tooLargeError struct{ size int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("the file is %s, more than the %s a map file may have", byteSize(e.size), byteSize(MaxFileSize))
}

// byteSize writes n bytes for people: "3.0 GiB (3221225472 bytes)".
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	s := fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
	if n%div == 0 {
		s = fmt.Sprintf("%d %ciB", n/div, "KMGTP"[exp])
	}
	if n > MaxFileSize {
		s += fmt.Sprintf(" (%d bytes)", n)
	}
	return s
}

// readRegularFile reads a map file. It refuses what is not a regular file
// (a directory, a device, a FIFO, a socket) and files of more than
// MaxFileSize bytes without reading them, and it stops reading once the
// file is known not to be text (a NUL byte or invalid UTF-8): Parse then
// reports the problem at its place in what was read.
func readRegularFile(name string) ([]byte, error) {
	f, info, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readText(f, info.Size())
}

// openRegular opens the file called name for reading if it is a regular
// file of at most MaxFileSize bytes.
func openRegular(name string) (*os.File, fs.FileInfo, error) {
	// Stat first: opening a FIFO would wait for a writer.
	info, err := os.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if err := checkRegular(name, info); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, nil, err
	}
	// Again on what was opened, in case the path changed in between.
	if info, err = f.Stat(); err == nil {
		err = checkRegular(name, info)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

func checkRegular(name string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	case !info.Mode().IsRegular():
		return &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	case info.Size() > MaxFileSize:
		return &tooLargeError{info.Size()}
	}
	return nil
}

// readText reads r, whose size is expected to be size, up to MaxFileSize
// bytes, stopping after the chunk that shows it is not UTF-8 text.
func readText(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, min(size, MaxFileSize)+1)
	checked := 0 // data[:checked] is UTF-8 text without NUL, ending at a rune boundary
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(cap(data), len(data)+readChunk)])
		data = data[:len(data)+n]
		if len(data) > MaxFileSize {
			return nil, &tooLargeError{int64(len(data))} // it grew while read
		}
		// Validate up to the last complete rune; a rune cut by the chunk
		// boundary is validated with the next chunk.
		end := len(data)
		for i := len(data) - 1; i >= checked && i > len(data)-utf8.UTFMax; i-- {
			if utf8.RuneStart(data[i]) {
				if !utf8.FullRune(data[i:]) {
					end = i
				}
				break
			}
		}
		if bytes.IndexByte(data[checked:end], 0) >= 0 || !utf8.Valid(data[checked:end]) {
			return data, nil // not text: Parse reports where
		}
		checked = end
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
