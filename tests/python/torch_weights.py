"""PyTorch's side of the weight round trips (tests/unit/explorer/pytorch-weights.test.ts).

Reads {"jobs": [...]} from stdin; each job is one of
  {"kind": "run", "id", "code", "weights": path, "input": {"shape", "data"}}
      build the model from the code, load the .safetensors file with
      load_state_dict(strict=True), evaluate on the input, return the logits;
  {"kind": "make", "id", "code", "weights": path, "seed", "input": {...}}
      build the model with seeded weights, train it two SGD steps on seeded data
      (so BatchNorm's running statistics move too), save its state dict as
      .safetensors, and return its logits in eval mode;
  {"kind": "strict", "id", "code", "weights": path}
      build the model and return the error load_state_dict(strict=True) raises;
  {"kind": "snippet", "id", "dir", "snippet", "input"}
      run the loading snippet shown to users in the folder of exported files.
Prints {"torch": version, "results": [...]} as JSON.

The `safetensors` package is not in Debian, so its file format is written and
read here by hand (8-byte little-endian header length, JSON header, raw data).
"""
import json
import sys

import torch
import torch.nn as nn

sys.path.insert(0, __import__("os").path.dirname(__file__))
from torch_shapes import prepare, find_model  # noqa: E402

DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "I32": torch.int32, "F16": torch.float16}
NAMES = {v: k for k, v in DTYPES.items()}


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + n])
    buffer = data[8 + n :]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        if end > begin:
            tensors[name] = torch.frombuffer(bytearray(buffer[begin:end]), dtype=dtype).reshape(info["shape"]).clone()
        else:
            tensors[name] = torch.zeros(info["shape"], dtype=dtype)
    return tensors


def save_safetensors(tensors, path, metadata=None):
    header = {"__metadata__": metadata} if metadata else {}
    blobs = []
    offset = 0
    for name, tensor in tensors.items():
        raw = tensor.detach().contiguous().cpu().numpy().tobytes()
        header[name] = {"dtype": NAMES[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little") + text + b"".join(blobs))


def build(code):
    compiled, candidates = prepare(code)
    namespace = {"__name__": "__explorer__"}
    exec(compiled, namespace)
    return find_model(namespace, candidates)


def tensor_of(spec):
    return torch.tensor(spec["data"], dtype=torch.float32).reshape(spec["shape"])


def run(job):
    model = build(job["code"])
    model.load_state_dict(load_safetensors(job["weights"]), strict=True)
    model.eval()
    with torch.no_grad():
        return {"logits": model(tensor_of(job["input"])).flatten().tolist()}


def make(job):
    torch.manual_seed(job["seed"])
    model = build(job["code"])
    x = tensor_of(job["input"])
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    model.train()
    for step in range(2):
        batch = torch.randn(4, *x.shape[1:])
        loss = model(batch).square().mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    save_safetensors(model.state_dict(), job["weights"], {"format": "pt"})
    model.eval()
    with torch.no_grad():
        return {"logits": model(x).flatten().tolist()}


def strict(job):
    model = build(job["code"])
    try:
        model.load_state_dict(load_safetensors(job["weights"]), strict=True)
        return {"error": None}
    except RuntimeError as error:
        return {"error": str(error)}


def snippet(job):
    """Runs the loading snippet the page and README show, in the folder of the exported files.

    `safetensors` is not a Debian package, so a stand-in module with the same
    `load_file` (the hand-written reader above) takes its place."""
    import os
    import types

    package = types.ModuleType("safetensors")
    package.torch = types.ModuleType("safetensors.torch")
    package.torch.load_file = load_safetensors
    sys.modules["safetensors"] = package
    sys.modules["safetensors.torch"] = package.torch
    sys.path.insert(0, job["dir"])
    cwd = os.getcwd()
    os.chdir(job["dir"])
    try:
        namespace = {}
        exec(job["snippet"], namespace)
        with torch.no_grad():
            return {"logits": namespace["model"](tensor_of(job["input"])).flatten().tolist()}
    finally:
        os.chdir(cwd)
        sys.path.remove(job["dir"])


def main():
    request = json.load(sys.stdin)
    handlers = {"run": run, "make": make, "strict": strict, "snippet": snippet}
    results = [{"id": job["id"], **handlers[job["kind"]](job)} for job in request["jobs"]]
    json.dump({"torch": torch.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
