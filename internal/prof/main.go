package main

import (
	"io"
	"os"
	"runtime/pprof"
	"time"
	"fmt"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/validate"
)

func main() {
	f, _ := os.Create("/tmp/cpu.prof")
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	t0 := time.Now()
	d, err := dataset.Load(os.Args[1])
	if err != nil { panic(err) }
	t1 := time.Now()
	if err := validate.Dataset(d); err != nil { panic(err) }
	t2 := time.Now()
	if _, err := export.WriteDataset(export.NewTurtleEncoder(io.Discard), d, export.Options{}); err != nil { panic(err) }
	t3 := time.Now()
	fmt.Println("load", t1.Sub(t0), "validate", t2.Sub(t1), "turtle", t3.Sub(t2))
}
