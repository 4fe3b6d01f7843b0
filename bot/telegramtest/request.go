package telegramtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// params are a request's parameters as strings, the way multipart/form-data
// carries them: objects and arrays (reply_markup, scope, commands…) are JSON text.
type params map[string]string

func (p params) has(name string) bool {
	_, ok := p[name]
	return ok
}

func (p params) str(name string) string { return p[name] }

// int64 parses an integer parameter; ok is false if it is missing or not a number.
func (p params) int64(name string) (int64, bool) {
	v, present := p[name]
	if !present {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		// JSON bodies may carry 123.0 or 1e3.
		f, ferr := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if ferr != nil || f != float64(int64(f)) {
			return 0, false
		}
		n = int64(f)
	}
	return n, true
}

func (p params) bool(name string) bool {
	switch strings.ToLower(strings.TrimSpace(p[name])) {
	case "true", "1":
		return true
	}
	return false
}

// parseRequest reads the parameters of a request in any encoding the Bot API
// accepts: the URL query, multipart/form-data (files included),
// application/x-www-form-urlencoded and application/json.
func parseRequest(r *http.Request) (params, map[string][]byte, *apiError) {
	p := params{}
	files := map[string][]byte{}
	for k, vs := range r.URL.Query() {
		if len(vs) > 0 {
			p[k] = vs[0]
		}
	}
	if r.Body == nil {
		return p, files, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, nil, &apiError{code: http.StatusRequestEntityTooLarge, description: "Request Entity Too Large"}
		}
		return nil, nil, badRequest("can't read the request: %v", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return p, files, nil
	}
	mediaType, mp, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "multipart/form-data":
		mr := multipart.NewReader(bytes.NewReader(body), mp["boundary"])
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, nil, badRequest("can't parse multipart/form-data: %v", err)
			}
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, nil, badRequest("can't parse multipart/form-data: %v", err)
			}
			name := part.FormName()
			if name == "" {
				continue
			}
			if isFilePart(part) {
				files[name] = data
			} else {
				p[name] = string(data)
			}
		}
	case "application/x-www-form-urlencoded":
		vals, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, nil, badRequest("can't parse the request body: %v", err)
		}
		for k, vs := range vals {
			if len(vs) > 0 {
				p[k] = vs[0]
			}
		}
	case "application/json":
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return nil, nil, badRequest("can't parse JSON object")
		}
		for k, raw := range obj {
			raw = bytes.TrimSpace(raw)
			switch {
			case string(raw) == "null":
			case len(raw) > 0 && raw[0] == '"':
				var v string
				_ = json.Unmarshal(raw, &v)
				p[k] = v
			default:
				p[k] = string(raw)
			}
		}
	}
	return p, files, nil
}

// isFilePart tells a file upload from a plain field: it has a filename
// (even an empty one) or a binary content type.
func isFilePart(part *multipart.Part) bool {
	if _, dp, err := mime.ParseMediaType(part.Header.Get("Content-Disposition")); err == nil {
		if _, ok := dp["filename"]; ok {
			return true
		}
	}
	return part.Header.Get("Content-Type") == "application/octet-stream"
}
