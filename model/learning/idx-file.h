// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_IDX_FILE_H
#define CODED_LEARNING_IDX_FILE_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Reader and writer of IDX files (the MNIST / Fashion-MNIST format), plain or gzip-compressed
 * (zlib reads both transparently).
 *
 * Format: two zero bytes, a type code (only 0x08, unsigned byte, is supported), the number of
 * dimensions, then each dimension as a big-endian uint32, then the data. Read() validates
 * every field and throws std::runtime_error naming the file, the field, the value found and
 * what is allowed.
 */
class IdxFile
{
  public:
    /// Type code of unsigned byte data, the only one MNIST-like files use.
    static constexpr uint8_t TYPE_UBYTE = 0x08;
    /// The largest number of dimensions accepted.
    static constexpr uint8_t MAX_DIMENSIONS = 4;
    /// The largest payload accepted (bytes), a guard against absurd headers.
    static constexpr uint64_t MAX_BYTES = uint64_t{1} << 32;

    IdxFile() = default;

    /**
     * Construct from dimensions and data.
     * \param dims the dimensions (each >= 1)
     * \param data the bytes; size must be the product of dims
     */
    IdxFile(std::vector<uint32_t> dims, std::vector<uint8_t> data);

    /**
     * Read and validate a file.
     * \param path the file (.gz or plain)
     * \param limitFirst if > 0, read at most this many items along the first dimension
     * \return the file's contents
     */
    static IdxFile Read(const std::string& path, uint32_t limitFirst = 0);

    /**
     * Write the contents.
     * \param path the destination
     * \param gzip whether to gzip-compress
     */
    void Write(const std::string& path, bool gzip) const;

    /// \return the dimensions
    const std::vector<uint32_t>& Dims() const
    {
        return m_dims;
    }

    /// \return the data in row-major order
    const std::vector<uint8_t>& Data() const
    {
        return m_data;
    }

  private:
    std::vector<uint32_t> m_dims; //!< dimensions
    std::vector<uint8_t> m_data;  //!< payload
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_IDX_FILE_H
