package telegramtest

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"image"
	_ "image/gif"  // photo formats Telegram accepts
	_ "image/jpeg" //
	_ "image/png"  //

	_ "golang.org/x/image/webp" //
)

// imageInfo is what the fake knows of an uploaded picture.
type imageInfo struct {
	width, height int
}

// storedFile is a file the bot sent, findable again by its file_id.
type storedFile struct {
	data []byte // nil for a photo sent by URL
	url  string
	img  imageInfo
}

// inspectImage checks an uploaded photo as Telegram does: it must be a picture
// (JPEG, PNG, GIF or WebP here) whose sides add up to at most 10000 pixels with a
// ratio of at most 20.
func inspectImage(data []byte) (imageInfo, *apiError) {
	if len(data) == 0 {
		return imageInfo{}, badRequest("file must be non-empty")
	}
	if len(data) > 10<<20 {
		return imageInfo{}, badRequest("PHOTO_SAVE_FILE_INVALID")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return imageInfo{}, badRequest("IMAGE_PROCESS_FAILED")
	}
	w, h := cfg.Width, cfg.Height
	if w+h > 10000 || w > 20*h || h > 20*w {
		return imageInfo{}, badRequest("PHOTO_INVALID_DIMENSIONS")
	}
	return imageInfo{width: w, height: h}, nil
}

// photoSizes registers a sent photo and returns its PhotoSize array as Telegram
// does: the picture scaled to fit 90, 320, 800, 1280 and 2560 pixels, as far as it
// is larger. Every size's file_id refers to the original bytes. s.mu must be held.
func (s *Server) photoSizes(f storedFile) []wirePhotoSize {
	w, h := f.img.width, f.img.height
	var sizes []wirePhotoSize
	for _, limit := range []int{90, 320, 800, 1280, 2560} {
		sw, sh := w, h
		last := max(w, h) <= limit
		if !last {
			if w >= h {
				sw, sh = limit, max(1, h*limit/w)
			} else {
				sw, sh = max(1, w*limit/h), limit
			}
		}
		s.nextSeq++
		var raw [16]byte
		binary.BigEndian.PutUint64(raw[:8], uint64(s.botID))
		binary.BigEndian.PutUint64(raw[8:], uint64(s.nextSeq))
		id := "AgACAgUAAxkDAA" + base64.RawURLEncoding.EncodeToString(raw[:])
		size := len(f.data)
		if !last && w*h > 0 {
			size = int(int64(size) * int64(sw*sh) / int64(w*h))
		}
		sizes = append(sizes, wirePhotoSize{
			FileID:       id,
			FileUniqueID: "AQAD" + base64.RawURLEncoding.EncodeToString(raw[8:]),
			Width:        sw, Height: sh, FileSize: size,
		})
		s.files[id] = f
		if last {
			break
		}
	}
	return sizes
}
