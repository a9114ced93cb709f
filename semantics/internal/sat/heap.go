package sat

// varHeap is a binary max-heap of variables ordered by activity, with the position of
// each variable so that a bumped variable can be moved up.
type varHeap struct {
	activity *[]float64
	heap     []Var
	index    []int32 // position in heap, or -1
}

func (h *varHeap) less(a, b Var) bool { return (*h.activity)[a] > (*h.activity)[b] }

func (h *varHeap) empty() bool { return len(h.heap) == 0 }

func (h *varHeap) contains(v Var) bool { return int(v) < len(h.index) && h.index[v] >= 0 }

func (h *varHeap) insert(v Var) {
	for int(v) >= len(h.index) {
		h.index = append(h.index, -1)
	}
	h.index[v] = int32(len(h.heap))
	h.heap = append(h.heap, v)
	h.up(len(h.heap) - 1)
}

// increased restores the order after the activity of v grew.
func (h *varHeap) increased(v Var) {
	if h.contains(v) {
		h.up(int(h.index[v]))
	}
}

func (h *varHeap) removeMax() Var {
	v := h.heap[0]
	last := h.heap[len(h.heap)-1]
	h.heap = h.heap[:len(h.heap)-1]
	h.index[v] = -1
	if len(h.heap) > 0 {
		h.heap[0] = last
		h.index[last] = 0
		h.down(0)
	}
	return v
}

func (h *varHeap) up(i int) {
	v := h.heap[i]
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(v, h.heap[p]) {
			break
		}
		h.heap[i] = h.heap[p]
		h.index[h.heap[i]] = int32(i)
		i = p
	}
	h.heap[i] = v
	h.index[v] = int32(i)
}

func (h *varHeap) down(i int) {
	v := h.heap[i]
	n := len(h.heap)
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if c+1 < n && h.less(h.heap[c+1], h.heap[c]) {
			c++
		}
		if !h.less(h.heap[c], v) {
			break
		}
		h.heap[i] = h.heap[c]
		h.index[h.heap[i]] = int32(i)
		i = c
	}
	h.heap[i] = v
	h.index[v] = int32(i)
}

// clear empties the heap.
func (h *varHeap) clear() {
	for _, v := range h.heap {
		h.index[v] = -1
	}
	h.heap = h.heap[:0]
}
